// Usage: node verify.mjs JWKS_URL TOKEN ISSUER AUDIENCE
// Prints {"ok":true,...claims} and exits 0 when the token verifies, else {"ok":false,"code":...} and exits 1.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [jwksUrl, token, issuer, audience] = process.argv.slice(2);
try {
  const keys = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 0 });
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer,
    audience,
    algorithms: ['ES256', 'RS256'],
  });
  console.log(JSON.stringify({ ok: true, alg: protectedHeader.alg, kid: protectedHeader.kid, upn: payload.upn, groups: payload.groups }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code ?? error.name }));
  process.exitCode = 1;
}
