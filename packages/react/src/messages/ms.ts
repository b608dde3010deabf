import { msTexts } from './texts/ms'
import { catalogueOf } from './translations'

/** Bahasa Melayu. */
export const ms = catalogueOf(msTexts)
