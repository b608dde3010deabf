/**
 * The autodocs page of every component: its name, what it is (the component's own JSDoc), what
 * the stories show (the stories file's JSDoc), one live example and the props table (from the
 * TypeScript types and JSDoc, defaults included). One example only: each state is its own story
 * in the sidebar, and rendering them all here would start a dozen flows, each taking the focus.
 */
import {
  Controls,
  Description,
  Markdown,
  Primary,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks'

function ComponentDescription() {
  const { preparedMeta } = useOf('meta', ['meta'])
  const component = preparedMeta.component as
    { __docgenInfo?: { description?: string } } | undefined
  const description = component?.__docgenInfo?.description
  return description ? <Markdown>{description}</Markdown> : null
}

export function ComponentPage() {
  return (
    <>
      <Title />
      <ComponentDescription />
      <Description />
      <Primary />
      <Controls />
    </>
  )
}
