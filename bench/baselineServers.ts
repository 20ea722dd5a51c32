// The two baselines, each run as its own process by the benchmark:
//   node dist/bench/baselineServers.js restify PORT  — a bare restify JSON endpoint (the HTTP ceiling)
//   node dist/bench/baselineServers.js echo PORT     — botbuilder's stock echo bot on restify, state in
//     MemoryStorage, through CloudAdapter with no MicrosoftAppId (anonymous, as the Emulator uses it);
//     activities carry deliveryMode "expectReplies", so replies come back in the HTTP response and no
//     Bot Connector is needed. This is what the framework itself costs per turn.
import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  MessageFactory,
} from 'botbuilder';

function healthz(server: restify.Server): void {
  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { ok: true });
    next();
  });
}

function restifyBaseline(): restify.Server {
  const server = restify.createServer({ name: 'bench-restify' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 64 * 1024 }));
  healthz(server);
  server.post('/echo', (req: restify.Request, res: restify.Response, next: restify.Next) => {
    const body = (req.body ?? {}) as { text?: unknown };
    res.send(200, { text: `Echo: ${String(body.text ?? '')}` });
    next();
  });
  return server;
}

class EchoBot extends ActivityHandler {
  constructor(conversationState: ConversationState) {
    super();
    const turns = conversationState.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
    this.onTurn(async (context, next) => {
      await next();
      await conversationState.saveChanges(context);
    });
  }
}

function echoBaseline(): restify.Server {
  // No MicrosoftAppId: the adapter accepts unauthenticated requests (local/Emulator mode).
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo bot error: ${error.message}\n`);
    await context.sendActivity('error');
  };
  const bot = new EchoBot(new ConversationState(new MemoryStorage()));
  const server = restify.createServer({ name: 'bench-echo' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));
  healthz(server);
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

function main(): void {
  const [kind, portArg] = process.argv.slice(2);
  const port = Number(portArg);
  if (!Number.isInteger(port) || port <= 0) throw new Error('usage: baselineServers.js restify|echo PORT');
  const server = kind === 'restify' ? restifyBaseline() : kind === 'echo' ? echoBaseline() : undefined;
  if (!server) throw new Error(`unknown baseline "${kind}" (expected restify or echo)`);
  server.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (require.main === module) main();
