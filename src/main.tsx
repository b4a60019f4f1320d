// antd 5 renders its static pieces (message, modal) with React 19's root API only through this patch.
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './providers/i18n.ts';
import { watchAuthEvents } from './providers/auth-events.ts';
import App from './App.tsx';

// The locale file is loaded before the first render so no screen flashes untranslated keys.
await initI18n();
watchAuthEvents();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
