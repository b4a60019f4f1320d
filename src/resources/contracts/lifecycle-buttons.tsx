// The contract's own moves after signing: start execution (signed), complete (running, every
// instalment paid — the database checks), and direct termination with a reason, which the database
// allows department-wide managers only (owners ask through a change request).
import { useState } from 'react';
import { Button, Input, Modal, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { completeContract, startContractExecution, terminateContract } from './contract-api.ts';
import type { ContractRecord } from './options.ts';

const TERMINABLE = ['approved', 'signed', 'executing'];
const DEPT_WIDE = ['admin', 'general_manager', 'dept_manager'];

export function LifecycleButtons({ contract, canAct, roles, onChange }: {
  contract: ContractRecord; canAct: boolean; roles: string[]; onChange: () => void;
}) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [terminating, setTerminating] = useState(false);
  const [reason, setReason] = useState('');
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      apiMessage.success(t(`contracts.done.${done}`));
      onChange();
      return true;
    } catch (error) {
      apiMessage.error(error);
      return false;
    }
  };
  const terminate = async () => {
    if (!reason.trim()) return apiMessage.error(new Error(t('contracts.errors.reason_required')));
    if (await run(() => terminateContract(contract.id, reason.trim()), 'terminated')) {
      setTerminating(false);
      setReason('');
    }
  };
  return (
    <>
      {canAct && contract.status === 'signed' && (
        <Popconfirm title={t('contracts.confirm.start_execution')} onConfirm={() => run(() => startContractExecution(contract.id), 'executing')}>
          <Button data-testid="start-execution">{t('contracts.actions.start_execution')}</Button>
        </Popconfirm>
      )}
      {canAct && contract.status === 'executing' && (
        <Popconfirm title={t('contracts.confirm.complete')} onConfirm={() => run(() => completeContract(contract.id), 'completed')}>
          <Button data-testid="complete-contract">{t('contracts.actions.complete')}</Button>
        </Popconfirm>
      )}
      {roles.some((r) => DEPT_WIDE.includes(r)) && TERMINABLE.includes(contract.status) && (
        <Button danger onClick={() => setTerminating(true)} data-testid="terminate-contract">{t('contracts.actions.terminate')}</Button>
      )}
      <Modal open={terminating} title={t('contracts.actions.terminate')} onCancel={() => setTerminating(false)}
        onOk={() => void terminate()} okButtonProps={{ danger: true, id: 'terminate-ok' }} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)}
          placeholder={t('contracts.fields.terminated_reason')} data-testid="terminate-reason" />
      </Modal>
    </>
  );
}
