import { useEffect, useState } from 'react';
import { Form } from 'antd';
import { Edit } from '@refinedev/antd';
import { useGo, useOne, useParsed } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../../hooks/use-api-message.ts';
import { adminUsers, type UserFields } from './admin-users-api.ts';
import { UserFormFields } from './user-form-fields.tsx';

interface UserRecord extends UserFields {
  id: string;
  email: string;
  user_roles: { role: string }[];
}

export default function UserEdit() {
  const { t } = useTranslation();
  const { id } = useParsed<{ id: string }>();
  const [form] = Form.useForm();
  const go = useGo();
  const apiMessage = useApiMessage();
  const [busy, setBusy] = useState(false);
  const { result, query } = useOne<UserRecord>({
    resource: 'profiles',
    id: id as string,
    meta: { select: 'id, email, full_name, phone, title, position, group_id, user_roles(role)' },
  });
  useEffect(() => {
    if (result) form.setFieldsValue({ ...result, roles: result.user_roles.map((r) => r.role) });
  }, [result, form]);
  const onFinish = async (values: UserFields) => {
    setBusy(true);
    try {
      await adminUsers({ action: 'update', user_id: id as string, ...values, group_id: values.group_id ?? null });
      apiMessage.success(t('profiles.saved'));
      go({ to: '/admin/users' });
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Edit breadcrumb={false} title={result?.email} isLoading={query.isLoading} saveButtonProps={{ loading: busy, onClick: () => form.submit() }}>
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 520 }}>
        <UserFormFields />
      </Form>
    </Edit>
  );
}
