// One document: metadata, level, versions, shares (confidential), the access log (owners and the
// manager) and access requests (secret). A document the database hides shows the request form.
import { Button, Col, Descriptions, Row, Space, Spin, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Show } from '@refinedev/antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { AccessLevelTag } from '../../components/access-level-tag.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { AccessLogCard } from './access-log-card.tsx';
import { AccessRequestsCard } from './access-requests-card.tsx';
import { LevelControl } from './level-control.tsx';
import { NoAccess } from './no-access.tsx';
import { SharesCard } from './shares-card.tsx';
import { useAccessRequests, useDocument } from './use-document.ts';
import { useDownload, VersionsCard } from './versions-card.tsx';
import { RELATED_TYPES } from './options.ts';

export default function DocumentShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.fields.${c}`);
  const { id } = useParams();
  const me = useCurrentUser();
  const document = useDocument(id);
  const doc = document.data?.doc ?? null;
  const isManager = me?.roles?.includes('dept_manager') ?? false;
  const overseer = Boolean(doc && (doc.owner_id === me?.id || isManager || document.data?.writable));
  // Owners and managers see every request; others their own.
  const requests = useAccessRequests(id, overseer ? undefined : me?.id);
  const refresh = () => {
    void document.refetch();
    void requests.refetch();
  };
  const download = useDownload(id ?? '', refresh);

  if (document.isLoading || !me) return <Spin />;
  if (!doc) {
    return (
      <Show breadcrumb={false} title={t('documents.title')} canEdit={false} canDelete={false}>
        <NoAccess documentId={id!} requests={requests.data ?? []} onChange={refresh} />
      </Show>
    );
  }
  const related = doc.related_type ? RELATED_TYPES[doc.related_type] : undefined;
  return (
    <Show breadcrumb={false} title={<span data-testid="document-title">{doc.title}</span>} canEdit={false} canDelete={false}
      headerButtons={
        <Space>
          {document.data?.writable && <LevelControl key={doc.access_level} doc={doc} onChange={refresh} />}
          <Button type="primary" icon={<DownloadOutlined />} disabled={doc.current_version === 0} onClick={() => void download()} data-testid="document-download">
            {t('documents.actions.download')}
          </Button>
        </Space>
      }>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={f('access_level')}><span data-testid="document-level"><AccessLevelTag level={doc.access_level} /></span></Descriptions.Item>
            <Descriptions.Item label={f('category')}>{t(`documents.category.${doc.category}`)}</Descriptions.Item>
            <Descriptions.Item label={f('owner_id')}>{doc.owner?.full_name}</Descriptions.Item>
            <Descriptions.Item label={f('tags')}>{doc.tags.length ? doc.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—'}</Descriptions.Item>
            <Descriptions.Item label={f('related')}>
              {related && doc.related_id ? <Link to={`${related.path}${doc.related_id}`}>{t(`documents.related.${doc.related_type}`)}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={f('current_version')}>v{doc.current_version}</Descriptions.Item>
            <Descriptions.Item label={f('sensitive')}>{doc.sensitive ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={f('created_at')}>{dayjs(doc.created_at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={f('updated_at')}>{dayjs(doc.updated_at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={f('description')} span={3}>{doc.description ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Col>
        <Col span={24}><VersionsCard doc={doc} writable={document.data?.writable ?? false} onChange={refresh} /></Col>
        {doc.access_level === 'confidential' && document.data?.writable && <Col xs={24} lg={12}><SharesCard documentId={doc.id} /></Col>}
        {doc.access_level === 'secret' && (
          <Col xs={24} lg={12}>
            <AccessRequestsCard documentId={doc.id} requests={requests.data ?? []} showRequester={overseer} canRequest={false} onChange={refresh} />
          </Col>
        )}
        {/* The log is the owner's and the department manager's (its RLS policy). */}
        {(doc.owner_id === me.id || isManager) && <Col span={24}><AccessLogCard documentId={doc.id} /></Col>}
        <Col span={24}><RecordHistory table="documents" recordId={doc.id} recordType="document" fieldNamespace="documents" /></Col>
      </Row>
    </Show>
  );
}
