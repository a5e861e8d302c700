import path from 'node:path';
import type { Config } from '../../config.js';
import { loadOrCreateDevKey, parseSecretKey, SecretBox } from './secret-box.js';

/** `STACKER_SECRET_KEY` (required in production), else a development key kept in `<DATA_DIR>/secret.key`. */
export async function loadSecretBox(config: Config): Promise<SecretBox> {
  const current = config.secretKey.current
    ? parseSecretKey(config.secretKey.current, 'STACKER_SECRET_KEY')
    : await loadOrCreateDevKey(path.resolve(config.dataDir, 'secret.key'));
  const previous = config.secretKey.previous
    ? parseSecretKey(config.secretKey.previous, 'STACKER_SECRET_KEY_PREVIOUS')
    : undefined;
  return new SecretBox(current, previous);
}
