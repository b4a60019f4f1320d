// The import wizard in a modal: upload → map columns → preview with problems → result. Loaded only
// when someone opens it (see import-button.tsx).
import { Alert, Button, Modal, Progress, Space, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../providers/error-messages.ts';
import { unmappedRequired } from './header-mapping.ts';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { ResultStep } from './result-step.tsx';
import { UploadStep } from './upload-step.tsx';
import { importTarget } from './import-targets.ts';
import { useImportLabels } from './use-import-labels.ts';
import { useImportWizard, type Step } from './use-import-wizard.ts';

const STEPS: Step[] = ['upload', 'map', 'preview', 'result'];

interface Props {
  resource: string;
  title: string;
  onClose: (inserted: number) => void;
}

export default function ImportWizard({ resource, title, onClose }: Props) {
  const { t } = useTranslation();
  // Column labels and messages: under the resource, or the target's own section (quotations' lines).
  const space = importTarget(resource)?.labelSpace ?? resource;
  const labels = useImportLabels(space);
  const w = useImportWizard(resource, labels);
  const ready = Boolean(w.columns && labels);
  const valid = w.rows.filter((r) => r.issues.length === 0).length;
  const toCommit = w.mode === 'valid-only' ? valid : w.rows.length;
  const close = () => onClose(w.report?.inserted ?? 0);

  const footer = (
    <Space>
      {(w.step === 'map' || w.step === 'preview') && <Button onClick={w.back} disabled={w.busy}>{t('import.back')}</Button>}
      {w.step === 'map' && (
        <Button type="primary" loading={w.busy} disabled={!w.columns || unmappedRequired(w.mapping, w.columns).length > 0} onClick={() => void w.validate()} data-testid="import-next">
          {t('import.steps.preview')}
        </Button>
      )}
      {w.step === 'preview' && (
        <Button type="primary" loading={w.busy} disabled={toCommit === 0} onClick={() => void w.commit()} data-testid="import-commit">
          {t('import.preview.commit', { count: toCommit })}
        </Button>
      )}
      {w.step === 'result' && <Button type="primary" onClick={close} data-testid="import-close">{t('import.close')}</Button>}
    </Space>
  );

  return (
    <Modal open title={t('import.title', { name: title })} width={960} onCancel={close} footer={footer} maskClosable={false} destroyOnHidden>
      <Steps size="small" current={STEPS.indexOf(w.step)} items={STEPS.map((s) => ({ title: t(`import.steps.${s}`) }))} style={{ marginBottom: 16 }} />
      {w.schemaError ? <Alert type="error" showIcon message={t('import.errors.schema')} /> : null}
      {w.error ? <Alert type="error" showIcon message={translateError(w.error)} style={{ marginBottom: 12 }} data-testid="import-error" /> : null}
      {w.progress !== undefined && <Progress percent={Math.round(w.progress * 100)} size="small" status="active" />}
      {w.step === 'upload' && ready && <UploadStep onRead={w.onRead} />}
      {w.step === 'map' && w.raw && w.columns && (
        <MappingStep resource={space} raw={w.raw} columns={w.columns} mapping={w.mapping} onChange={w.setMapping} />
      )}
      {w.step === 'preview' && w.raw && (
        <PreviewStep resource={space} raw={w.raw} mapping={w.mapping} rows={w.rows} mode={w.mode} onModeChange={w.setMode} parents={w.parents} />
      )}
      {w.step === 'result' && w.report && <ResultStep resource={space} report={w.report} />}
    </Modal>
  );
}
