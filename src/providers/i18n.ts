// i18next with the two locale files in public/locales, Simplified Chinese by default; the chosen
// language is remembered in localStorage. dayjs follows the language; antd's locale is picked in
// the theme provider.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { I18nProvider } from '@refinedev/core';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'bizdesk.lang';

export const i18n = i18next.createInstance();

function storedLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

async function loadBundle(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const res = await fetch(`/locales/${lng}.json`);
  i18n.addResourceBundle(lng, 'translation', await res.json());
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadBundle(lng);
  applyLanguage(lng);
}

function applyLanguage(lng: Language) {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
}

export async function changeLanguage(lng: Language): Promise<void> {
  await loadBundle(lng);
  localStorage.setItem(STORAGE_KEY, lng);
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
}

export const i18nProvider: I18nProvider = {
  translate: (key: string, options?: unknown, defaultMessage?: string) => {
    const opts = (typeof options === 'object' && options ? options : {}) as Record<string, unknown>;
    if (i18n.exists(key)) return i18n.t(key, opts) as string;
    // Refine passes a resource's meta.label as the default text of its menu label: ours are keys.
    const fallback = defaultMessage ?? (typeof options === 'string' ? options : key);
    return i18n.exists(fallback) ? (i18n.t(fallback, opts) as string) : fallback;
  },
  changeLocale: (lang: string) => changeLanguage(lang as Language),
  getLocale: () => i18n.language,
};
