// One request for a secret document (the approval engine's link for 'document_access'): who asks,
// why and for how long, the grant's state, and the approval panel where the manager decides.
import { Col, Descriptions, Row } from 'antd';
import { Show } from '@refinedev/antd';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { supabase } from '../../providers/supabase-client.ts';
import { ApprovalPanel } from '../../components/approval-panel/index.tsx';
import { GrantTag } from './access-requests-card.tsx';
import type { AccessRequestRecord } from './options.ts';

export default function AccessRequestShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.request.${c}`);
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['document-access-request', id],
    queryFn: async () => {
      const { data, error } = await supabase.from('document_access_requests')
        .select('*, requester:profiles!document_access_requests_requester_id_fkey(full_name)').eq('id', id!).maybeSingle();
      if (error) throw error;
      return data as AccessRequestRecord | null;
    },
  });
  const r = query.data;
  return (
    <Show breadcrumb={false} isLoading={query.isLoading} canEdit={false} canDelete={false} title={r?.title ?? t('documents.request.title')}>
      {r && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={f('document')}><Link to={`/documents/show/${r.document_id}`}>{r.title}</Link></Descriptions.Item>
              <Descriptions.Item label={f('requester')}>{r.requester?.full_name}</Descriptions.Item>
              <Descriptions.Item label={f('reason')}>{r.reason}</Descriptions.Item>
              <Descriptions.Item label={f('period')}>{t('documents.request.days', { count: r.period_days })}</Descriptions.Item>
              <Descriptions.Item label={f('state')}><GrantTag request={r} /></Descriptions.Item>
              <Descriptions.Item label={f('created_at')}>{dayjs(r.created_at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col span={24}><ApprovalPanel recordType="document_access" recordId={r.id} onChange={() => void query.refetch()} /></Col>
        </Row>
      )}
    </Show>
  );
}
