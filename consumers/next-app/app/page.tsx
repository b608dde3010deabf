export default function Home() {
  return <main>The kit routes are under /api/centagate.</main>
}
