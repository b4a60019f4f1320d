// Runs one edge function in Deno the way Supabase's edge runtime hosts it: the function calls
// Deno.serve(handler) without a port; here that server listens on a free local port instead, and the
// port is announced on stdout for the stack to proxy to. (Plain JS: Deno code outside tsc's view.)
const entry = Deno.args[0];
const serve = Deno.serve.bind(Deno);

Deno.serve = (...args) => {
  // Deno.serve(handler) | Deno.serve(options, handler) | Deno.serve({ ...options, handler })
  const handler = typeof args[0] === 'function' ? args[0] : typeof args[1] === 'function' ? args[1] : args[0]?.handler;
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : {};
  return serve(
    {
      ...options,
      hostname: '127.0.0.1',
      port: 0,
      onListen: ({ port }) => console.log(`__bizdesk_function_listening__ ${port}`),
    },
    handler,
  );
};

await import(entry);
