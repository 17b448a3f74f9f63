export default function DesignerPage() {
  return <main className="p-6"><h1 className="text-xl font-semibold">Connector designer</h1></main>;
}
