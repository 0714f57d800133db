import { SANDBOX_ERP_APP } from './lingxing/fixtures';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from './sp-api/fixtures';

/**
 * The environment that points a gateway started elsewhere at running doubles, as live upstreams
 * (`npm run sandbox` prints it; benchmarks and multi-process tests start servers with it).
 */
export function erpSandboxEnv(erp: { url: string }): Record<string, string> {
  return {
    LINGXING_BASE_URL: erp.url,
    LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
    LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
  };
}

export function spApiSandboxEnv(
  amazon: { url: string; lwaUrl: string },
  sellers: ReadonlyArray<object> = SANDBOX_SPAPI_SELLERS,
): Record<string, string> {
  return {
    SPAPI_CLIENT_ID: SANDBOX_SPAPI_APP.clientId,
    SPAPI_CLIENT_SECRET: SANDBOX_SPAPI_APP.clientSecret,
    SPAPI_LWA_URL: amazon.lwaUrl,
    SPAPI_ENDPOINT: amazon.url,
    SPAPI_SELLERS: JSON.stringify(sellers),
  };
}
