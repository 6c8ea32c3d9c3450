// A small Node site that signs people in through Vigil with openid-client (OpenID-certified relying party):
// authorization code flow with PKCE, state and nonce, as a confidential client. "/" shows the signed-in user and
// the acr and vigil_risk claims of the ID token; "/admin" needs acr 2 and sends a session below it back to Vigil
// with acr_values=2 (step-up). Started by OpenidClientSiteIT:
//   VIGIL_ISSUER=... CLIENT_ID=... CLIENT_SECRET=... PORT=... node site.mjs
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';

const { VIGIL_ISSUER, CLIENT_ID, CLIENT_SECRET, PORT } = process.env;
const base = `http://127.0.0.1:${PORT}`;
const callback = `${base}/callback`;

// The tests' Vigil listens on plain HTTP on the loopback address; a real site's issuer is https.
const config = await client.discovery(new URL(VIGIL_ISSUER), CLIENT_ID, CLIENT_SECRET, undefined,
  { execute: [client.allowInsecureRequests] });

// The site's sessions, by the random id of its session cookie: what this one process remembers of each browser.
const sessions = new Map();

const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(response, title, claims) {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html><head><title>${escape(title)}</title></head><body>
<h1 id="page">${escape(title)}</h1>
<p>Signed in as <span id="user">${escape(claims.preferred_username)}</span></p>
<p>acr: <span id="acr">${escape(claims.acr)}</span></p>
<p>vigil_risk: <span id="vigil-risk">${escape(claims.vigil_risk)}</span></p>
</body></html>`);
}

function redirect(response, location, cookie) {
  response.writeHead(302, { location, ...(cookie ? { 'set-cookie': cookie } : {}) });
  response.end();
}

function sessionOf(request) {
  const id = /(?:^|;\s*)site_session=([0-9a-f-]+)/.exec(request.headers.cookie ?? '')?.[1];
  return id && sessions.has(id) ? { id, ...sessions.get(id) } : null;
}

// Sends the browser to Vigil; acrValues '2' asks for password and a Vigil code.
async function signIn(response, returnTo, acrValues) {
  const id = randomUUID();
  const verifier = client.randomPKCECodeVerifier();
  const login = { verifier, state: client.randomState(), nonce: client.randomNonce(), returnTo };
  sessions.set(id, { login });
  const parameters = {
    redirect_uri: callback,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: login.state,
    nonce: login.nonce,
  };
  if (acrValues) {
    parameters.acr_values = acrValues;
  }
  redirect(response, client.buildAuthorizationUrl(config, parameters).href,
    `site_session=${id}; Path=/; HttpOnly; SameSite=Lax`);
}

async function handle(request, response) {
  const url = new URL(request.url, base);
  const session = sessionOf(request);
  if (url.pathname === '/callback') {
    if (!session?.login) {
      response.writeHead(400).end('No sign-in in progress');
      return;
    }
    const { verifier, state, nonce, returnTo } = session.login;
    const tokens = await client.authorizationCodeGrant(config, url,
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    sessions.set(session.id, { claims: tokens.claims() });
    redirect(response, returnTo);
  } else if (url.pathname === '/') {
    if (session?.claims) {
      page(response, 'Public page', session.claims);
    } else {
      await signIn(response, '/');
    }
  } else if (url.pathname === '/admin') {
    if (session?.claims?.acr === '2') {
      page(response, 'Admin page', session.claims);
    } else {
      await signIn(response, '/admin', '2');
    }
  } else {
    response.writeHead(404).end('Not found');
  }
}

createServer((request, response) => {
  handle(request, response).catch((error) => {
    // The error's name and message only: never tokens or codes.
    console.error(`sign-in failed: ${error.name}: ${error.message}`);
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`Sign-in failed: ${error.message}`);
    }
  });
}).listen(Number(PORT), '127.0.0.1', () => console.log(`listening on ${base}`));
