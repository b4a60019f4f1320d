// The API the app talks to: VITE_* env at build time (npm start fills them from the local stack).
export const apiUrl: string = import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321';
export const anonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY ?? '';
