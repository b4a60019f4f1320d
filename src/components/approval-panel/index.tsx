// The approval block of a record: state, the tasks of each step, the action timeline, and the
// buttons the signed-in user may use (approve / reject / transfer for a current approver, withdraw
// for the submitter, submit for the owner of a draft). The engine re-checks every action.
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { StatusTag } from '../status-tag.tsx';
import { submit } from './approval-api.ts';
import { DecisionModal, type DecisionKind } from './decision-modal.tsx';
import { useApproval } from './use-approval.ts';

const ACTION_COLORS: Record<string, string> = {
  submit: 'blue', approve: 'green', auto_approve: 'green', reject: 'red', withdraw: 'gray', transfer: 'orange', comment: 'blue', cc: 'blue', skip: 'gray',
};

export function ApprovalPanel({ recordType, recordId, ownerId, onChange }: {
  recordType: string;
  recordId: string;
  /** The record's owner: may submit it while it has no open request. */
  ownerId?: string;
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const queryClient = useQueryClient();
  const { data, isLoading, refetch } = useApproval(recordType, recordId);
  const [modal, setModal] = useState<DecisionKind | null>(null);

  const request = data?.request ?? null;
  const names = data?.names ?? {};
  const pending = request?.status === 'pending';
  const myTask = pending
    ? data?.tasks.find((task) => task.approver_id === me?.id && task.status === 'pending' && task.step_no === request?.current_step)
    : undefined;
  const mine = request?.submitted_by === me?.id;
  const canSubmit = ownerId !== undefined && ownerId === me?.id && (!request || !pending);

  const refresh = () => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['history', recordType, recordId] });
    onChange?.();
  };

  const doSubmit = async () => {
    try {
      await submit(recordType, recordId);
      apiMessage.success(t('approval.done.submit'));
      refresh();
    } catch (error) {
      apiMessage.error(error);
    }
  };

  return (
    <Card title={t('approval.title')} loading={isLoading} size="small" data-testid="approval-panel">
      {request ? (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('approval.fields.status')}>
              <StatusTag value={request.status} namespace="approval.status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('approval.fields.submitted_by')}>
              {names[request.submitted_by]} · {dayjs(request.submitted_at).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 16 }}>
            {data!.tasks.map((task) => (
              <Tag key={task.id} color={task.status === 'approved' ? 'green' : task.status === 'rejected' ? 'red' : task.status === 'pending' ? 'blue' : 'default'}>
                {task.step_no}. {task.step_name} · {names[task.approver_id]} · {t(`approval.taskStatus.${task.status}`)}
              </Tag>
            ))}
          </Space>
          <Timeline
            data-testid="approval-timeline"
            items={data!.actions.map((a) => ({
              color: ACTION_COLORS[a.action] ?? 'blue',
              children: (
                <div data-testid="approval-action" data-action={a.action}>
                  <Typography.Text strong>{a.actor_id ? names[a.actor_id] : t('approval.system')}</Typography.Text>{' '}
                  {t(`approval.kind.${a.action}`)}
                  {a.target_user_id && <> → {names[a.target_user_id]}</>}
                  {a.comment && <div>“{a.comment}”</div>}
                  <Typography.Text type="secondary"> {dayjs(a.created_at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
                </div>
              ),
            }))}
          />
        </>
      ) : (
        <Empty description={t('approval.none')} />
      )}
      <Space wrap>
        {myTask && (
          <>
            <Button type="primary" onClick={() => setModal('approve')} data-testid="approve">{t('approval.actions.approve')}</Button>
            <Button danger onClick={() => setModal('reject')} data-testid="reject">{t('approval.actions.reject')}</Button>
            <Button onClick={() => setModal('transfer')} data-testid="transfer">{t('approval.actions.transfer')}</Button>
          </>
        )}
        {pending && mine && <Button onClick={() => setModal('withdraw')} data-testid="withdraw">{t('approval.actions.withdraw')}</Button>}
        {pending && (myTask || mine) && <Button onClick={() => setModal('comment')}>{t('approval.actions.comment')}</Button>}
        {canSubmit && <Button type="primary" onClick={() => void doSubmit()} data-testid="submit">{t('approval.actions.submit')}</Button>}
      </Space>
      {request && (
        <DecisionModal
          kind={modal}
          requestId={request.id}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
