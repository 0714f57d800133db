/**
 * The IDE the gateway serves on `GET /graphql` to a browser: GraphiQL, bundled at build time by
 * `ide/build.mjs` (no CDN, no web fonts), talking to the same endpoint over HTTP and, for
 * subscriptions, over graphql-ws. What the headers editor holds (the bearer token) goes with every
 * request and in the WebSocket's `connection_init` payload.
 */
import './workers';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './ide.css';

/** What the server tells the page (`data-*` on <body>): whether a bearer token is needed. */
const authRequired = document.body.dataset.auth === 'jwt';

// the endpoint is the page's own URL: the IDE follows the gateway behind any proxy or prefix
const endpoint = new URL(location.pathname, location.href);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: socket.href });

const FIRST_QUERY = `# Who am I, and whom may I act for? Run it with the ▶ button (Ctrl-Enter).
query Viewer {
  viewer {
    subject
    scopes
    sellers { sellerId region marketplaceIds fulfillmentOutboundVersion }
    stores { name sellerId region countryCode status }
  }
}
`;

const TOKEN_HEADERS = `{
  "Authorization": "Bearer <a token from: npm run token -- --sellers '*' --stores '*'>"
}`;

/**
 * With authentication on, the schema can only be read once a token is in the headers editor:
 * the schema is read again whenever the headers change (after a pause in typing), so pasting a
 * token is all it takes for the docs and completion to appear.
 */
function SchemaFollowsHeaders() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const actions = useGraphiQLActions();
  useEffect(() => {
    if (!headerEditor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = headerEditor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void actions.introspect(), 400);
    });
    return () => {
      clearTimeout(timer);
      subscription.dispose();
    };
  }, [headerEditor, actions]);
  return null;
}

function Ide() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={FIRST_QUERY}
      defaultHeaders={authRequired ? TOKEN_HEADERS : undefined}
      defaultEditorToolsVisibility={authRequired ? 'headers' : false}
      shouldPersistHeaders
    >
      <GraphiQL.Logo>
        {authRequired && <SchemaFollowsHeaders />}
        <span className="fg-title">fulfillment graph</span>{' '}
        <a
          className="fg-sandbox-link"
          href={`https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(endpoint.href)}`}
          target="_blank"
          rel="noreferrer"
          title="Apollo Sandbox needs the internet; this IDE does not"
        >
          Open in Apollo Sandbox
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('ide')!).render(<Ide />);
