/** @type {import('next').NextConfig} */
export default {
  // The kit reads CENTAGATE_* at request time (configFromEnv), never at build time.
  reactStrictMode: true,
}
