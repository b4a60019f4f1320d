import { Card } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NotificationList } from '../../components/notification-list.tsx';
import { UNREAD_KEY } from '../../components/layout/notification-bell.tsx';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Card title={t('notifications.title')}>
      <NotificationList paginate pageSize={20} onChange={() => void queryClient.invalidateQueries({ queryKey: UNREAD_KEY })} />
    </Card>
  );
}
