// The signed-in user's notifications, newest first: unread ones marked, click to read and open the
// linked record, "mark all read". Used by the header drawer and the notifications page.
import { useState } from 'react';
import { Badge, Button, List, Typography } from 'antd';
import { useGo, useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { supabase } from '../providers/supabase-client.ts';
import { useApiMessage } from '../hooks/use-api-message.ts';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export function NotificationList({ pageSize = 20, paginate = false, onChange }: {
  pageSize?: number;
  paginate?: boolean;
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const go = useGo();
  const apiMessage = useApiMessage();
  const [page, setPage] = useState(1);
  const { result, query } = useList<NotificationRow>({
    resource: 'notifications',
    pagination: { currentPage: page, pageSize },
    sorters: [{ field: 'created_at', order: 'desc' }],
  });

  const refresh = () => {
    void query.refetch();
    onChange?.();
  };
  const markRead = async (ids: string[]) => {
    const { error } = await supabase.rpc('mark_notifications_read', { ids });
    if (error) apiMessage.error(error);
    refresh();
  };
  const markAll = async () => {
    const { error } = await supabase.rpc('mark_all_notifications_read');
    if (error) apiMessage.error(error);
    else apiMessage.success(t('notifications.allRead'));
    refresh();
  };

  return (
    <List
      data-testid="notification-list"
      loading={query.isLoading}
      header={
        <Button size="small" onClick={markAll} data-testid="mark-all-read">
          {t('notifications.actions.markAllRead')}
        </Button>
      }
      dataSource={result?.data ?? []}
      locale={{ emptyText: t('notifications.empty') }}
      pagination={
        paginate
          ? { current: page, pageSize, total: result?.total ?? 0, onChange: setPage, showSizeChanger: false }
          : false
      }
      renderItem={(n) => (
        <List.Item
          data-testid="notification-item"
          data-unread={n.read_at ? 'false' : 'true'}
          actions={
            n.read_at
              ? []
              : [
                  <Button key="read" size="small" type="link" onClick={() => void markRead([n.id])}>
                    {t('notifications.actions.markRead')}
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            avatar={<Badge status={n.read_at ? 'default' : 'processing'} />}
            title={
              n.link ? (
                <Typography.Link
                  onClick={() => {
                    if (!n.read_at) void markRead([n.id]);
                    go({ to: n.link! });
                  }}
                >
                  {n.title}
                </Typography.Link>
              ) : (
                n.title
              )
            }
            description={
              <>
                {n.body && <div>{n.body}</div>}
                <Typography.Text type="secondary">
                  {t(`notifications.kind.${n.kind}`)} · {dayjs(n.created_at).fromNow()}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
