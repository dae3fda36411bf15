// Serves the built app: `node scripts/serve.js [folder=build] [--port 4173] [--host 127.0.0.1]
// [--engine http://127.0.0.1:4300]`. With --engine, the server engine's protocol is reachable
// under /engine on the app's own origin. The folder's files are listed at start: restart the
// server after a new build.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticServer } from './static-server.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: '127.0.0.1' },
    engine: { type: 'string' }
  }
});
const folder = path.resolve(positionals[0] ?? 'build');
if (!existsSync(path.join(folder, 'index.html'))) {
  console.error(`No built app in ${folder}: run \`npm run build\` first.`);
  process.exit(1);
}
if (values.engine !== undefined && !/^https?:\/\//.test(values.engine)) {
  console.error(`--engine takes the engine's address, such as http://127.0.0.1:4300`);
  process.exit(1);
}

const server = createStaticServer({ folder, engine: values.engine });
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const engineLine = values.engine ? `, with the engine at ${values.engine} under /engine` : '';
  console.log(`Cooperare is served from ${folder} at http://${values.host}:${port}/${engineLine}`);
});
