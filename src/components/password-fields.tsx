// New password + confirmation, with the length rule of supabase/config.toml (minimum 8).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export function PasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="password" label={t('auth.fields.newPassword')} rules={[{ required: true, min: 8, message: t('auth.errors.passwordMin') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.fields.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('auth.errors.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.errors.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
