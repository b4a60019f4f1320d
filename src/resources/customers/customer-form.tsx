// Customer file fields (DOMAIN.md §2), grouped: basics, needs, credit, maintenance plan.
import { Col, Divider, Form, Input, InputNumber, Row, Select, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_RATINGS, CUSTOMER_LEVELS, CUSTOMER_SOURCES, CUSTOMER_STAGES } from './options.ts';
import { SimilarNameWarning } from './similar-name-warning.tsx';

export function CustomerForm({ formProps, recordId }: { formProps: FormProps; recordId?: string }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`customers.fields.${c}`);
  const required = { required: true, message: t('errors.required') };
  const nonNegative = { type: 'number' as const, min: 0, message: t('customers.errors.non_negative') };
  const name = Form.useWatch('name', formProps.form);
  const level = Form.useWatch('level', formProps.form);
  const options = (ns: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`customers.${ns}.${v}`) }));
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 960 }}>
      <SimilarNameWarning name={name as string | undefined} excludeId={recordId} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={f('name')} rules={[required, { min: 2, max: 200, message: t('customers.errors.name_length') }]}>
            <Input data-testid="customer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="industry" label={f('industry')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="city" label={f('city')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={f('address')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="source" label={f('source')}>
            <Select allowClear options={options('source', CUSTOMER_SOURCES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="level" label={f('level')} initialValue="potential" rules={[required]}>
            <Select options={options('level', CUSTOMER_LEVELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="stage" label={f('stage')} initialValue="potential" rules={[required]}>
            <Select options={options('stage', CUSTOMER_STAGES)} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="tags" label={f('tags')} initialValue={[]}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left">{t('customers.sections.needs')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="demand_intent" label={f('demand_intent')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="purchase_preferences" label={f('purchase_preferences')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="budget" label={f('budget')} rules={[nonNegative]}>
            <InputNumber style={{ width: '100%' }} precision={2} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="currency" label={f('currency')} initialValue="CNY" rules={[required, { pattern: /^[A-Z]{3}$/, message: t('customers.errors.currency') }]}>
            <Input maxLength={3} />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left">{t('customers.sections.credit')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={4}>
          <Form.Item name="credit_rating" label={f('credit_rating')}>
            <Select allowClear options={CREDIT_RATINGS.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="credit_limit" label={f('credit_limit')} rules={[nonNegative]}>
            <InputNumber style={{ width: '100%' }} precision={2} data-testid="credit-limit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="credit_term_days" label={f('credit_term_days')} rules={[{ type: 'number', min: 0, max: 365, message: t('customers.errors.credit_term') }]}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="financial_notes" label={f('financial_notes')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      {level === 'key' && (
        <Form.Item name="revisit_interval_days" label={f('revisit_interval_days')} rules={[{ type: 'number', min: 1, max: 365, message: t('customers.errors.revisit_interval') }]}>
          <InputNumber precision={0} />
        </Form.Item>
      )}
      <Form.Item name="notes" label={f('notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </Form>
  );
}
