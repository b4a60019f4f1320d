// The mailbox page and its JSON API: GET /mailbox, GET /mailbox/api/messages[?to=],
// GET /mailbox/api/messages/:id, DELETE /mailbox/api/messages. Local development only.
import type { FastifyPluginAsync } from 'fastify';
import type { StackContext } from '../context.ts';
import { clearMail, listMail, readMail } from './mailbox.ts';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BizDesk mailbox</title>
<style>
 body{font-family:system-ui,sans-serif;margin:0;display:flex;height:100vh}
 #list{width:38%;overflow:auto;border-right:1px solid #ddd}
 #list div{padding:.6em 1em;border-bottom:1px solid #eee;cursor:pointer}
 #list div:hover,#list div.on{background:#eef4ff}
 #view{flex:1;padding:1em 2em;overflow:auto}
 small{color:#666}
</style></head>
<body><div id="list"></div><div id="view"><p>Select a message.</p></div>
<script>
const list = document.getElementById('list'), view = document.getElementById('view');
function text(tag, value) { const e = document.createElement(tag); e.textContent = value; return e; }
async function load() {
  const messages = await (await fetch('/mailbox/api/messages')).json();
  list.replaceChildren();
  if (!messages.length) list.append(text('p', 'No mail yet.'));
  for (const m of messages) {
    const row = document.createElement('div');
    row.append(text('strong', m.subject), document.createElement('br'), text('small', m.to + ' · ' + new Date(m.created_at).toLocaleString()));
    row.onclick = () => { for (const r of list.children) r.classList.remove('on'); row.classList.add('on'); show(m); };
    list.append(row);
  }
}
function show(m) {
  view.replaceChildren(text('h2', m.subject), text('small', 'To: ' + m.to + ' · From: ' + m.from));
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-popups allow-top-navigation-by-user-activation');
  frame.style.cssText = 'width:100%;height:60vh;border:1px solid #ddd;margin-top:1em';
  frame.srcdoc = '<base target="_blank">' + m.html;
  view.append(frame);
}
load(); setInterval(load, 5000);
</script></body></html>`;

const mailboxPlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app, { ctx }) => {
  const dir = () => ctx.config.mailDir;
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/api/messages', async (req) => {
    const to = (req.query as Record<string, unknown>).to;
    return listMail(dir(), typeof to === 'string' && to ? to : undefined);
  });
  app.get('/api/messages/:id', async (req, reply) => {
    const m = readMail(dir(), (req.params as { id: string }).id);
    return m ?? reply.code(404).send({ message: 'message not found' });
  });
  app.delete('/api/messages', async () => ({ deleted: clearMail(dir()) }));
};

export default mailboxPlugin;
