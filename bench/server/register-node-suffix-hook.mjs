// `node --import ./bench/server/register-node-suffix-hook.mjs`: see node-suffix-hook.mjs.
import { register } from 'node:module'

register('./node-suffix-hook.mjs', import.meta.url)
