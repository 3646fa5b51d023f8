import { Text } from '@tarojs/components'
import './index.scss'

/** Shown under a field; the same Chinese text the function returns for that field. Its own module: the main
 * package's dialogs show it without the fields' schema checks. */
export function FieldError(props: { message?: string }) {
  if (!props.message) return null
  return <Text className='field-error'>{props.message}</Text>
}
