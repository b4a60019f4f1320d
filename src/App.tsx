// Until the Refine shell lands: shows whether the API answers.
import { useEffect, useState } from 'react';
import { apiUrl } from './providers/supabase-env.ts';

type Health = { status: string; database?: string } | { error: string };

export default function App() {
  const [health, setHealth] = useState<Health>();
  useEffect(() => {
    fetch(`${apiUrl}/health`)
      .then((r) => r.json())
      .then(setHealth)
      .catch((e: Error) => setHealth({ error: e.message }));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui', padding: 32 }}>
      <h1>BizDesk 业务部管理系统</h1>
      <p data-testid="health">
        {!health ? 'API: …' : 'error' in health ? `API: ${health.error}` : `API: ${health.status} (${health.database})`}
      </p>
    </main>
  );
}
