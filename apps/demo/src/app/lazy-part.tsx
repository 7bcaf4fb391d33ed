import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';

/** Props of {@link LazyPart}. */
export interface LazyPartProps<P extends object> {
  /** The dynamic import of the part, e.g. `() => import('./charts.js')`. */
  load: () => Promise<{ default: ComponentType<P> }>;
  /** The part's props. */
  props: P;
  /** What the part is, for the messages: "the charts". */
  what: string;
}

/**
 * Renders a code-split part: a "Loading …" line while its chunk downloads, and when the chunk fails to load (a
 * dropped connection, a deploy that removed the old file) an alert with Retry, which imports it again. The rest of
 * the page keeps working either way.
 */
export function LazyPart<P extends object>({ load, props, what }: LazyPartProps<P>) {
  const [part, setPart] = useState<LazyExoticComponent<ComponentType<P>>>(() => lazy(load));
  const Part = part as unknown as ComponentType<P>;
  return (
    <FailureBoundary what={what} onRetry={() => setPart(() => lazy(load))}>
      <Suspense fallback={<p className="muted">Loading {what}…</p>}>
        <Part {...props} />
      </Suspense>
    </FailureBoundary>
  );
}

interface FailureBoundaryProps {
  what: string;
  onRetry: () => void;
  children: ReactNode;
}

class FailureBoundary extends Component<FailureBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="load-error">
        <p>Could not load {this.props.what}. Check the connection, then retry.</p>
        <button
          type="button"
          onClick={() => {
            this.props.onRetry();
            this.setState({ failed: false });
          }}
        >
          Retry loading {this.props.what}
        </button>
      </div>
    );
  }
}
