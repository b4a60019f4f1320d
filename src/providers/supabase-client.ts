// The one supabase-js client of the app: API URL and anon key from VITE_* env (npm start fills them).
import { createClient } from '@supabase/supabase-js';

export const apiUrl: string = import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321';
// The Supabase CLI's well-known local anon key (same JWT secret as the local stack's default).
const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const anonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY || LOCAL_ANON_KEY;

export const supabase = createClient(apiUrl, anonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
