import { sdkErrors } from './sdk-errors.ts'
import { sdkObjectResult } from './sdk-object-result.ts'
import { sdkRequest } from './sdk-request.ts'
import { sdkVoidResult } from './sdk-void-result.ts'
import type { SdkCheck } from './types.ts'

export const SDK_CHECKS: SdkCheck[] = [sdkVoidResult, sdkObjectResult, sdkRequest, sdkErrors]
