// The helper lives with the HTTP code, since scripts use it too.
export { freePort } from '../../lib/http/free-port';
