import { LingxingSandbox } from './lingxing/server';
import { DEMO_SELLER_ID, SANDBOX_ERP_APP } from './lingxing/fixtures';

/**
 * `npm run sandbox`: the upstream doubles alone, for a frontend team or a gateway started
 * elsewhere. Prints the settings that point the gateway at them.
 */
async function main(): Promise<void> {
  const port = Number(process.env.LINGXING_SANDBOX_PORT ?? 4100);
  const erp = await new LingxingSandbox({ port, host: process.env.SANDBOX_HOST ?? '127.0.0.1' }).start();
  process.stdout.write(
    [
      `ERP (Lingxing) sandbox listening at ${erp.url}`,
      `  demo seller: ${DEMO_SELLER_ID} (tasks 1003083, 1003085, 1003090)`,
      '  point the gateway at it with:',
      `  LINGXING_BASE_URL=${erp.url} LINGXING_APP_ID=${SANDBOX_ERP_APP.appId} LINGXING_APP_SECRET='${SANDBOX_ERP_APP.appSecret}' npm start`,
      '',
    ].join('\n'),
  );
  const stop = () => void erp.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
