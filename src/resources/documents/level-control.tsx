// Changes a document's access level. Raising takes effect at once; lowering is refused by the
// database unless the caller is the department manager, and its message is shown.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import type { AccessLevel } from '../../components/access-level-tag.tsx';
import { LevelSelect } from './level-select.tsx';
import type { DocumentRecord } from './options.ts';

export function LevelControl({ doc, onChange }: { doc: DocumentRecord; onChange: () => void }) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [level, setLevel] = useState<AccessLevel>(doc.access_level);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const { error } = await supabase.from('documents').update({ access_level: level }).eq('id', doc.id).select('id').single();
    setSaving(false);
    if (error) {
      setLevel(doc.access_level);
      return apiMessage.error(error);
    }
    apiMessage.success(t('documents.levelChanged'));
    onChange();
  };
  return (
    <Space.Compact>
      <LevelSelect id="level-select" value={level} onChange={setLevel} style={{ width: 120 }} />
      <Button onClick={() => void save()} loading={saving} disabled={level === doc.access_level} data-testid="level-save">
        {t('documents.actions.changeLevel')}
      </Button>
    </Space.Compact>
  );
}
