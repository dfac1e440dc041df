#!/usr/bin/env bash
# Black-box HTTP smoke suite for one deployed MediaHub (used by test-all-servers.sh).
#   server-config/smoke.sh BASE_URL DATABASE
# BASE_URL: the application's root, e.g. http://127.0.0.1:8080 or http://127.0.0.1:8080/mediahub
# DATABASE: the PostgreSQL database the server uses (for the cascade-delete check, via psql)
# Environment: SMOKE_ADMIN_PASSWORD, SMOKE_JWT_SECRET (the server's), FDB_TEST_DB_HOST/PORT/USER/PASSWORD.
# Prints one line per check: "<check>\tPASS" or "<check>\tFAIL <what was seen>"; exits 1 if any failed.
set -uo pipefail

base="${1:?base URL}"
database="${2:?database name}"
admin_password="${SMOKE_ADMIN_PASSWORD:?}"
secret="${SMOKE_JWT_SECRET:?}"
export PGHOST="${FDB_TEST_DB_HOST:-127.0.0.1}" PGPORT="${FDB_TEST_DB_PORT:-5432}" PGUSER="${FDB_TEST_DB_USER:-postgres}"
export PGPASSWORD="${FDB_TEST_DB_PASSWORD:-}"

both='Basic realm="mediahub", charset="UTF-8", Bearer realm="mediahub"'
failures=0
body="" status="" challenge=""

# request METHOD PATH [AUTHORIZATION] [JSON BODY]: sets status, body, challenge
request() {
  local args=(-s -o /tmp/smoke.$$.body -D /tmp/smoke.$$.headers -w '%{http_code}' -X "$1" "$base$2")
  [[ -n "${3:-}" ]] && args+=(-H "Authorization: $3")
  [[ -n "${4:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
  status=$(curl "${args[@]}")
  body=$(cat /tmp/smoke.$$.body)
  challenge=$(grep -i '^WWW-Authenticate:' /tmp/smoke.$$.headers | head -1 | sed -E 's/^[^:]*: //; s/\r$//')
}
field() { sed -nE "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/p" <<<"$body"; }
check() { # NAME CONDITION...
  local name="$1"; shift
  if "$@"; then printf '%s\tPASS\n' "$name"; else printf '%s\tFAIL %s %s\n' "$name" "$status" "$(tr '\n' ' ' <<<"${body:0:160}")"; failures=$((failures + 1)); fi
}
is() { [[ "$status" == "$1" ]] && { [[ -z "${2:-}" ]] || [[ "$(field error)" == "$2" ]]; } && { [[ -z "${3:-}" ]] || [[ "$challenge" == "$3" ]]; }; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | openssl base64 -A)"; }
jwt() { # CLAIMS_JSON -> HS256 at+jwt signed with the server's secret
  local header payload signature
  header=$(printf '{"alg":"HS256","typ":"at+jwt"}' | b64url)
  payload=$(printf '%s' "$1" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

admin=$(basic admin "$admin_password")
user="smoke$RANDOM$RANDOM"
request POST /api/users "$admin" "{\"username\":\"$user\",\"password\":\"smoke-password-1\",\"roles\":[\"user\"]}"
user_id=$(field id)
check "create user (admin, Basic)" is 201
user_basic=$(basic "$user" smoke-password-1)

request POST /api/token "$user_basic"
access=$(field access_token); refresh=$(field refresh_token)
check "token issue" is 200
request GET /api/users/me "$user_basic"
check "Basic on protected endpoint" is 200
request GET /api/users/me "Bearer $access"
check "Bearer on protected endpoint" eval '[[ $status == 200 && $(field username) == "$user" ]]'
request GET /api/users "Bearer $access"
check "403 for a user on an admin endpoint" is 403

request POST /api/token/refresh "" "{\"refresh_token\":\"$refresh\"}"
new_refresh=$(field refresh_token)
check "refresh rotation: new pair" eval '[[ $status == 200 && -n $new_refresh && $new_refresh != "$refresh" ]]'
request POST /api/token/refresh "" "{\"refresh_token\":\"$refresh\"}"
check "refresh rotation: old token dead" is 401 "Invalid or expired refresh token"
request POST /api/logout "$user_basic" "{\"refresh_token\":\"$new_refresh\"}"
check "logout" eval '[[ $status == 200 && $(field message) == "Logged out successfully." ]]'
request POST /api/token/refresh "" "{\"refresh_token\":\"$new_refresh\"}"
check "refresh after logout fails" is 401 "Invalid or expired refresh token"

request GET /api/users/me
check "401 no Authorization header" is 401 "Authorization header required" "$both"
request GET /api/users/me "Digest x=1"
check "401 unknown scheme" is 401 "Invalid authorization header format" "$both"
request GET /api/users/me "$(basic "$user" wrong-password)"
check "401 wrong password" is 401 "Authentication failed" "$both"
request GET /api/users/me "Basic %%%"
check "401 bad base64" is 401 "Authentication failed" "$both"
request GET /api/users/me "Bearer $(jwt "{\"iss\":\"mediahub\",\"sub\":\"$user_id\",\"upn\":\"$user\",\"groups\":[\"user\"],\"iat\":$(( $(date +%s) - 900 )),\"exp\":$(( $(date +%s) - 600 )),\"jti\":\"x1\"}")"
check "401 expired token" is 401 "Token expired" 'Bearer realm="mediahub", error="invalid_token", error_description="Token expired"'
signature="${access##*.}"; first="${signature:0:1}"; [[ $first == A ]] && other=B || other=A
request GET /api/users/me "Bearer ${access%.*}.$other${signature:1}"
check "401 tampered token" is 401 "Invalid token" 'Bearer realm="mediahub", error="invalid_token"'
request GET /api/users/me "Bearer $refresh"
check "401 refresh token as access token" is 401 "Invalid token" 'Bearer realm="mediahub", error="invalid_token"'

request POST /api/token "$user_basic"
access=$(field access_token); refresh=$(field refresh_token)
request GET /api/sessions "Bearer $access"
check "session list marks the current session" eval '[[ $status == 200 && $body == *"\"current\":true"* ]]'
request POST /api/logout-all "Bearer $access"
check "logout-all" eval '[[ $status == 200 && $(field revoked) -ge 1 ]]'
request POST /api/token/refresh "" "{\"refresh_token\":\"$refresh\"}"
check "refresh after logout-all fails" is 401 "Invalid or expired refresh token"

# Cookie mode: the pair in cookies, the access cookie as credential, CSRF on changes.
request POST "/api/token?delivery=cookie" "$user_basic"
jar=$(grep -i '^Set-Cookie:' /tmp/smoke.$$.headers | sed -E 's/^[^:]*: //; s/;.*//' | tr -d '\r' | paste -sd ';' -)
csrf=$(tr ';' '\n' <<<"$jar" | sed -nE 's/^(__Host-|__Secure-)?csrf_token=//p')
cookie_get() { curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $jar" "$base$1"; }
cookie_post() { curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $jar" -H 'Content-Type: application/json' "$@"; }
status=$(cookie_get /api/users/me)
check "cookie mode: the access cookie authenticates" eval '[[ $status == 200 && -n $csrf ]]'
status=$(cookie_post --data-binary '{"name":"no-csrf"}' "$base/api/databases")
check "cookie mode: a change without X-CSRF-Token is 403" eval '[[ $status == 403 ]]'
status=$(cookie_post -H "X-CSRF-Token: $csrf" --data-binary '{"name":"with-csrf"}' "$base/api/databases")
check "cookie mode: a change with X-CSRF-Token works" eval '[[ $status == 201 ]]'

request POST /api/databases "$user_basic" '{"name":"smoke"}'
db_id=$(field id)
request POST /api/entry "$user_basic" "{\"database_id\":$db_id,\"title\":\"t\",\"content\":\"c\"}"
request POST /api/token "$user_basic"
request DELETE "/api/users/$user_id" "$admin"
rows=$(psql -d "$database" -tAc "SELECT (SELECT COUNT(*) FROM users WHERE id = $user_id) + (SELECT COUNT(*) FROM refresh_tokens WHERE user_id = $user_id) + (SELECT COUNT(*) FROM databases WHERE owner_id = $user_id) + (SELECT COUNT(*) FROM entries WHERE database_id = ${db_id:-0})" 2>&1)
check "cascade delete (tables checked)" eval '[[ $status == 204 && $rows == 0 ]]'
request GET /api/no-such-thing "$admin"
check "JSON 404" is 404 "Not found"

# The web app at the context root, with its Content-Security-Policy.
page=$(curl -s -D /tmp/smoke.$$.headers "$base/")
csp=$(grep -i '^Content-Security-Policy:' /tmp/smoke.$$.headers | tr -d '\r')
module=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$base/app/api.js")
check "web app served at / with a CSP" eval '[[ $page == *app/main.js* && $csp == *"script-src '"'"'self'"'"'"* && $module == "200 "*javascript* ]]'

# Issue 7: no key set to publish in the default HS256 mode.
request GET /.well-known/jwks.json
check "JWKS in HS256 mode: JSON 404" is 404 "No public keys: this server signs tokens with HS256 (a shared secret)"

# Issue 8: the API describes itself, JSON login, metrics.
request GET /openapi.json
check "OpenAPI document at /openapi.json" eval '[[ $status == 200 && $body == *"\"openapi\": \"3.0.3\""* ]]'
swagger=$(curl -s "$base/swagger/")
bundle=$(sed -nE 's/.*src="([^"]*swagger-ui-bundle.js)".*/\1/p' <<<"$swagger")
bundle_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/swagger/$bundle")
check "Swagger UI at /swagger/ with its bundled script" eval '[[ -n $bundle && $bundle_status == 200 ]]'
request POST /api/token "" "{\"username\":\"admin\",\"password\":\"$admin_password\"}"
check "JSON login body" eval '[[ $status == 200 && -n $(field access_token) ]]'
request POST /api/token "" "{\"username\":\"admin\",\"password\":\"wrong-password\"}"
check "JSON login, wrong password: 401 with challenges" is 401 "Authentication failed" "$both"
request POST /api/users "" '{"username":"walk-in","password":"walk-in-password"}'
check "self-registration closed by default: 401" is 401 "Authorization header required"
# Versioned migrations (issue 14): the history table is there and at the newest migration of the build.
latest=$(ls "$(dirname "$0")/../src/main/resources/db/migration" | sed -nE 's/^V([0-9]+)__.*/\1/p' | sort -n | tail -1)
history=$(psql -d "$database" -tAc "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1" 2>&1)
request GET /api/info
check "schema history table at the newest version" eval '[[ -n $latest && $history == "$latest" && $(field schema_version) == "$latest" ]]'
request GET /api/metrics "$admin"
check "Prometheus metrics (admin)" eval '[[ $status == 200 && $body == *"mediahub_logins_total{result=\"ok\"}"* ]]'
check "metrics: refreshes in the refresh histogram" eval '[[ $body =~ mediahub_token_endpoint_duration_seconds_count\{endpoint=\"refresh\"\}\ [1-9] ]]'
# Access read from the resources' annotations at startup (issue 13): public ones ignore a bad header.
request GET /api/info "Digest x=1"
check "@PermitAll /api/info ignores a bad header" is 200
request GET /api/no-such-route
check "an unknown /api path needs credentials" is 401 "Authorization header required"
plain="plain$RANDOM$RANDOM"
request POST /api/users "$admin" "{\"username\":\"$plain\",\"password\":\"plain-password-1\",\"roles\":[\"user\"]}"
request GET /api/metrics "$(basic "$plain" plain-password-1)"
check "metrics refused to a plain user" is 403 "This action requires the admin role."

# Issue 12, the outside security review: items 1, 5, 10 and 11 on every server.
request POST /api/token "$user_basic"
access=$(field access_token)
for path in '/api/token;x' '/api/token;' '/api/token;/'; do
  request POST "$path" "Bearer $access"
  check "review 1: POST $path + Bearer mints nothing" eval '[[ ( $status == 400 || $status == 404 ) && $body != *access_token* ]]'
done
raw_status() { curl -s -o /tmp/smoke.$$.body -w '%{http_code}' "$@"; }
status=$(raw_status -X POST -H "Authorization: $user_basic" -H 'Content-Type:' --data-binary '{"name":"no-type"}' "$base/api/databases")
body=$(cat /tmp/smoke.$$.body)
check "review 5: a JSON body without Content-Type is 415" is 415 "Content-Type must be application/json"
status=$(raw_status -X POST -H "Authorization: $user_basic" -H 'Sec-Fetch-Site: cross-site' "$base/api/logout-all")
body=$(cat /tmp/smoke.$$.body)
check "review 5: a cross-site request with Basic is 403" is 403 "Cross-site requests with Basic credentials are refused"
root=$(sed -E 's#^(https?://[^/]+).*#\1#' <<<"$base")
for path in /metrics /openapi; do
  status=$(raw_status "$root$path")
  context_status=$(raw_status "$base$path")
  body=$(head -c 300 /tmp/smoke.$$.body)
  check "review 10: the platform's $path is not public" eval '[[ $status != 200 && $context_status != 200 ]]'
done
# Issue 15: inside the application's context the platform registers nothing (Payara did, at
# context root "/"): only /openapi.json describes the API; these are the application's JSON 404.
for path in /openapi /openapi/ /openapi/application.wadl /metrics; do
  status=$(raw_status "$base$path")
  body=$(cat /tmp/smoke.$$.body)
  check "issue 15: JSON 404 at $path" is 404 "Not found"
done
status=$(raw_status -H "Authorization: $user_basic" -H 'Authorization: Bearer second' "$base/api/users/me")
body=$(cat /tmp/smoke.$$.body)
check "review 11: two Authorization headers are 400" is 400 "Only one Authorization header is allowed"

# Issue 18: two-factor sign-in. The code is computed here as an authenticator app would (RFC 6238:
# HMAC-SHA1 of the 30-second step, 6 digits), with openssl.
totp() { # BASE32_SECRET STEP -> the 6-digit code
  local key counter mac offset
  key=$(printf '%s' "$1" | base32 -d | od -An -v -tx1 | tr -d ' \n')
  counter=$(printf '%016x' "$2" | sed 's/../\\x&/g')
  mac=$(printf "$counter" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" -binary | od -An -v -tx1 | tr -d ' \n')
  offset=$(( 16#${mac:39:1} * 2 ))
  printf '%06d' $(( (16#${mac:$offset:8} & 0x7fffffff) % 1000000 ))
}
claims() { local p; p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+'); while (( ${#p} % 4 )); do p+='='; done; base64 -d <<<"$p" 2>/dev/null; }
totp_user="smoketotp$RANDOM$RANDOM"
request POST /api/users "$admin" "{\"username\":\"$totp_user\",\"password\":\"smoke-password-2\",\"roles\":[\"user\"]}"
totp_basic=$(basic "$totp_user" smoke-password-2)
request POST /api/token "$totp_basic"
totp_access=$(field access_token)
request POST /api/users/me/totp "Bearer $totp_access" '{"password":"smoke-password-2"}'
totp_secret=$(field secret)
check "issue 18: TOTP enrolment starts (password again)" eval '[[ $status == 201 && $totp_secret =~ ^[A-Z2-7]{32}$ ]]'
(( $(date +%s) % 30 > 26 )) && sleep 4 # not across a step boundary
step=$(( $(date +%s) / 30 ))
request POST /api/users/me/totp/confirm "Bearer $totp_access" "{\"code\":\"$(totp "$totp_secret" "$step")\"}"
check "issue 18: a code turns TOTP on, 10 recovery codes" eval '[[ $status == 200 && $(grep -o -- "-" <<<"$body" | wc -l) == 30 ]]'
request POST /api/token "" "{\"username\":\"$totp_user\",\"password\":\"smoke-password-2\"}"
check "issue 18: no code: 401 Second factor required" is 401 "Second factor required" "$both"
request POST /api/token "" "{\"username\":\"$totp_user\",\"password\":\"smoke-password-2\",\"otp\":\"$(totp "$totp_secret" $((step + 1)))\"}"
totp_access=$(field access_token)
check "issue 18: sign-in with a code: amr pwd+otp" eval '[[ $status == 200 && $(claims "$totp_access") == *"\"amr\":[\"pwd\",\"otp\"]"* ]]'
request POST /api/token "" "{\"username\":\"$totp_user\",\"password\":\"smoke-password-2\",\"otp\":\"$(totp "$totp_secret" $((step + 1)))\"}"
check "issue 18: the same code again is refused" is 401 "Invalid second factor"
request GET /api/users/me "$totp_basic"
check "issue 18: password Basic refused for the user" is 401 "Second factor required" "$both"
# Issue 19: an app password works where password Basic is refused, never at the token endpoint, and dies when revoked.
request POST /api/users/me/app-passwords "Bearer $totp_access" '{"name":"smoke","read_only":true,"password":"smoke-password-2"}'
app_password=$(field password); app_password_id=$(field id)
check "issue 19: an app password is made (password again)" eval '[[ $status == 201 && $app_password =~ ^mhp_[0-9A-Za-z]{36}$ ]]'
request GET /api/users/me "$(basic "$totp_user" "$app_password")"
check "issue 19: it works for the two-factor user" eval '[[ $status == 200 && $(field username) == "$totp_user" ]]'
request POST /api/databases "$(basic "$totp_user" "$app_password")" '{"name":"smoke"}'
check "issue 19: a read-only one cannot write" is 403 "This app password is read-only: it may only make GET and HEAD requests."
request POST /api/token "$(basic "$totp_user" "$app_password")"
check "issue 19: no sessions from an app password" eval '[[ $status == 403 && $(field error) == "App passwords cannot sign in"* ]]'
request GET /api/users/me/app-passwords "$(basic "$totp_user" "$app_password")"
check "issue 19: no account management with it" eval '[[ $status == 403 && $(field error) == "App passwords cannot manage accounts"* ]]'
request DELETE "/api/users/me/app-passwords/$app_password_id" "Bearer $totp_access"
check "issue 19: revoked" is 204
request GET /api/users/me "$(basic "$totp_user" "$app_password")"
check "issue 19: refused once revoked" is 401 "Authentication failed" "$both"
request DELETE /api/users/me/totp "Bearer $totp_access" "{\"password\":\"smoke-password-2\",\"code\":\"$(totp "$totp_secret" $((step - 1)))\"}"
check "issue 18: DELETE with a JSON body turns TOTP off" is 204
request GET /api/users/me "$totp_basic"
check "issue 18: password Basic works again" is 200

rm -f /tmp/smoke.$$.body /tmp/smoke.$$.headers
exit $(( failures > 0 ))
