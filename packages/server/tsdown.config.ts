import { packageBuild } from '../../scripts/packaging/tsdown-package.ts'

export default packageBuild()
