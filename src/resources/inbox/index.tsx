// 我的待办: approvals waiting for me, and what I submitted.
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { WaitingTable } from './waiting-table.tsx';
import { SubmittedTable } from './submitted-table.tsx';

export default function InboxPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'submitted' ? 'submitted' : 'waiting';
  return (
    <Card title={t('inbox.title')}>
      {me && (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'waiting', label: t('inbox.tabs.waiting'), children: <WaitingTable userId={me.id} /> },
            { key: 'submitted', label: t('inbox.tabs.submitted'), children: <SubmittedTable userId={me.id} /> },
          ]}
        />
      )}
    </Card>
  );
}
