import { zhCNTexts } from './texts/zh-CN'
import { catalogueOf } from './translations'

/** 简体中文. */
export const zhCN = catalogueOf(zhCNTexts)
