import { idTexts } from './texts/id'
import { catalogueOf } from './translations'

/** Bahasa Indonesia. */
export const id = catalogueOf(idTexts)
