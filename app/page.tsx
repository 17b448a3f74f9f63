import { redirect } from 'next/navigation';

/** The app's home is the connector dashboard. */
export default function Home() {
  redirect('/connectors');
}
