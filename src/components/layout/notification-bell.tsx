// Bell with the unread count (a cheap HEAD + count request every 30 s) and a drawer of the latest.
import { useState } from 'react';
import { Badge, Button, Drawer, Space } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useGo } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../providers/supabase-client.ts';
import { NotificationList } from '../notification-list.tsx';

export const UNREAD_KEY = ['notifications', 'unread-count'];

export function useUnreadCount(): number {
  const { data } = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async () => {
      const { count, error } = await supabase
        .from('notifications')
        .select('id', { count: 'exact', head: true })
        .is('read_at', null);
      if (error) throw error;
      return count ?? 0;
    },
    refetchInterval: 30_000,
  });
  return data ?? 0;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const go = useGo();
  const queryClient = useQueryClient();
  return (
    <>
      <Badge count={unread} size="small" data-testid="unread-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.title')} onClick={() => setOpen(true)} />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        extra={
          <Space>
            <Button
              size="small"
              onClick={() => {
                setOpen(false);
                go({ to: '/notifications' });
              }}
            >
              {t('notifications.actions.viewAll')}
            </Button>
          </Space>
        }
      >
        {open && <NotificationList pageSize={10} onChange={() => queryClient.invalidateQueries({ queryKey: UNREAD_KEY })} />}
      </Drawer>
    </>
  );
}
