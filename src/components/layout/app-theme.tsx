// antd theme and locale for the whole app: light / dark (remembered) and the i18n language.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
// The ES builds: the CommonJS `antd/locale/*` entries reach the bundle wrapped once more (default of
// the default), and antd then silently falls back to English for every built-in text.
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';

type Mode = 'light' | 'dark';
const STORAGE_KEY = 'bizdesk.theme';

const ThemeModeContext = createContext<{ mode: Mode; toggle(): void }>({ mode: 'light', toggle() {} });
export const useThemeMode = () => useContext(ThemeModeContext);

export function AppTheme({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(STORAGE_KEY) === 'dark' ? 'dark' : 'light'));
  const toggle = () =>
    setMode((m) => {
      const next = m === 'dark' ? 'light' : 'dark';
      localStorage.setItem(STORAGE_KEY, next);
      return next;
    });
  return (
    <ThemeModeContext.Provider value={{ mode, toggle }}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={{ algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm, token: { colorPrimary: '#1f6feb' } }}
      >
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </ThemeModeContext.Provider>
  );
}
