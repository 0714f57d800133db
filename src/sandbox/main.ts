import { LingxingSandbox } from './lingxing/server';
import { DEMO_SELLER_ID } from './lingxing/fixtures';
import { SpApiSandbox } from './sp-api/server';
import { erpSandboxEnv, spApiSandboxEnv } from './gateway-env';

/**
 * `npm run sandbox`: the upstream doubles alone, for a frontend team or a gateway started
 * elsewhere. Prints the settings that point the gateway at them.
 */
async function main(): Promise<void> {
  const port = Number(process.env.LINGXING_SANDBOX_PORT ?? 4100);
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  const erp = await new LingxingSandbox({ port, host }).start();
  const amazon = await new SpApiSandbox({ port: Number(process.env.SPAPI_SANDBOX_PORT ?? 4200), host }).start();
  process.stdout.write(
    [
      `ERP (Lingxing) sandbox listening at ${erp.url}`,
      `  demo seller: ${DEMO_SELLER_ID} (tasks 1003083, 1003085, 1003090)`,
      '  point the gateway at it with (authentication off: the doubles hold only demo data):',
      `  ${Object.entries({ ...erpSandboxEnv(erp), ...spApiSandboxEnv(amazon), AUTH_MODE: 'off' })
        .map(([k, v]) => `${k}='${v}'`)
        .join(' \\\n  ')} npm start`,
      `SP-API sandbox listening at ${amazon.url} (orders DEMO-COMPLETE-1, DEMO-PROCESSING-1, DEMO-HOLD-1, DEMO-CANCELLED-1, …)`,
      '',
    ].join('\n'),
  );
  const stop = () => void Promise.all([erp.close(), amazon.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
