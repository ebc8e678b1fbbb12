#!/usr/bin/env bash
# The GitHub Action's sign-in step (action.yml). It reads its inputs from INPUT_* variables, as the runner hands
# them to the step, and writes to the runner's GITHUB_ENV, GITHUB_PATH and GITHUB_OUTPUT files. Secrets travel in
# environment variables or on stdin, never on a command line, and are never echoed.
set -euo pipefail

fail() {
    echo "::error title=m365 sign-in::$1"
    exit "${2:-2}"
}

: "${GITHUB_ACTION_PATH:?run this as a GitHub Action step}" "${RUNNER_TEMP:?}" "${GITHUB_ENV:?}" "${GITHUB_PATH:?}" "${GITHUB_OUTPUT:?}"
m365="$GITHUB_ACTION_PATH/bin/m365"
auth_type="${INPUT_AUTH_TYPE:-federatedIdentity}"
[ -n "${INPUT_APP_ID:-}" ] || fail "Input app-id is missing: give the app (client) id of the app registration."
[ -n "${INPUT_TENANT:-}" ] || fail "Input tenant is missing: give the tenant id or its domain (contoso.onmicrosoft.com)."

# The connection lives in the job's temp folder (emptied when the job ends), encrypted with a key of its own.
umask 077
config_dir="$RUNNER_TEMP/m365"
key_file="$RUNNER_TEMP/m365-store.key"
[ -s "$key_file" ] || head -c 32 /dev/urandom | base64 > "$key_file"
export M365_CONFIG_DIR="$config_dir" M365_STORE_KEY_FILE="$key_file"
{
    echo "M365_CONFIG_DIR=$config_dir"
    echo "M365_STORE_KEY_FILE=$key_file"
} >> "$GITHUB_ENV"
echo "$GITHUB_ACTION_PATH/bin" >> "$GITHUB_PATH"

args=(login --authType "$auth_type" --appId "$INPUT_APP_ID" --tenant "$INPUT_TENANT" --quiet --output tsv --query connectionName)
[ -z "${INPUT_CLOUD:-}" ] || args+=(--cloud "$INPUT_CLOUD")
[ -z "${INPUT_CONNECTION_NAME:-}" ] || args+=(--connectionName "$INPUT_CONNECTION_NAME")

case "$auth_type" in
    federatedIdentity)
        [ -n "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ] || fail "GitHub gives this job no OIDC token: add 'permissions: id-token: write' to the workflow or job (or use auth-type secret or certificate)."
        connection=$("$m365" "${args[@]}" </dev/null)
        ;;
    secret)
        [ -n "${INPUT_CLIENT_SECRET:-}" ] || fail "auth-type secret needs the client-secret input, e.g. client-secret: \${{ secrets.M365_CLIENT_SECRET }}."
        connection=$(AZURE_CLIENT_SECRET="$INPUT_CLIENT_SECRET" "$m365" "${args[@]}" </dev/null)
        ;;
    certificate)
        [ -n "${INPUT_CERTIFICATE:-}" ] || fail "auth-type certificate needs the certificate input: the base64 of the PFX or PEM file, from a secret."
        connection=$(printf %s "$INPUT_CERTIFICATE" \
            | AZURE_CLIENT_CERTIFICATE_PASSWORD="${INPUT_CERTIFICATE_PASSWORD:-}" "$m365" "${args[@]}" --certificateBase64Encoded -)
        ;;
    *)
        fail "Input auth-type '$auth_type' is not supported by the action: use federatedIdentity, secret or certificate."
        ;;
esac

{
    echo "config-dir=$config_dir"
    echo "connection=$connection"
} >> "$GITHUB_OUTPUT"
echo "Signed in as $connection ($auth_type); later steps can run m365."

if [ -n "${INPUT_RESOURCE:-}" ]; then
    token=$("$m365" get-access-token --resource "$INPUT_RESOURCE" --output tsv --query "join(' ', [accessToken, expiresOnUtc])")
    read -r access_token expires_on <<< "$token"
    # Masked before it reaches any output, so the runner hides it from every later log line.
    echo "::add-mask::$access_token"
    {
        echo "access-token=$access_token"
        echo "expires-on=$expires_on"
    } >> "$GITHUB_OUTPUT"
fi
