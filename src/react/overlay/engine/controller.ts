import type Konva from 'konva';
import { OcrError } from '../../../core/errors';
import type { OcrWord, Point } from '../../../core/types';
import { type DeferredParts, deferredParts, loadDeferredParts } from './deferred';
import { Emitter } from './emitter';
import { PageFacts } from './environment';
import type { OverlayExportOptions } from './export';
import { type ImageLoadState, ImageSlot } from './image';
import type { InputHost, InputSurface } from './input';
import { LazyInput } from './lazyInput';
import { LazyTextLayer } from './lazyTextLayer';
import { hitTestScreen, nearestOnLine, type OverlayModel, wordRect } from './model';
import { type OverlayOptions, type ResolvedOverlayOptions, resolveOptions } from './options';
import { SceneState } from './sceneState';
import { nextSnapshot, type OverlaySnapshot } from './snapshot';
import type { StageFrame, StageRenderer } from './stage';
import { Viewport } from './viewport';

/**
 * One overlay, framework-free: options in, a snapshot and imperative methods out. Owns the
 * image, the word model, the viewport, the Konva renderer, selection, hover and input.
 * A view creates one per mounted overlay, calls `setOptions` after each render, renders from
 * `getSnapshot()` and re-renders on `subscribe`. Hover and view changes never touch the
 * snapshot: they redraw the canvas directly.
 */
export class OverlayController<E = unknown> implements InputHost<E> {
  readonly viewport = new Viewport();
  readonly input = new LazyInput<E>();
  /** Created once the deferred parts are loaded (see `deferred.ts`); nothing draws before. */
  #renderer: StageRenderer | null = null;
  /** The Konva stage the view created, kept for the renderer. */
  #stage: Konva.Stage | null = null;
  readonly #scene = new SceneState();
  #options: ResolvedOverlayOptions<E> = resolveOptions<E>({ image: '' });
  readonly #image = new ImageSlot((state) => {
    if (state.status === 'error') {
      if (this.#options.onImageError) this.#options.onImageError(state.error);
      else console.error(state.error);
    }
    this.#update(false);
  });
  readonly #text = new LazyTextLayer((state) => this.#root?.setAttribute('data-text-layer', state));
  #root: Element | null = null;
  readonly #page = new PageFacts((what) =>
    what === 'ratio' ? this.#render() : this.#update(false),
  );
  #ownSelection: string | null = null;
  #hover = -1;
  /** The image the stage was last fully drawn for. */
  #painted: ImageLoadState | null = null;
  #shownSelection: { index: number; model: OverlayModel } | null = null;
  #connected = false;
  /** Whether this overlay waits for the deferred parts to load. */
  #waiting = false;
  /** Why the deferred parts could not be loaded. */
  #failure: OcrError | null = null;
  #snapshot: OverlaySnapshot;
  #published: OverlaySnapshot;
  readonly #changes = new Emitter();
  readonly #hoverChanges = new Emitter();

  constructor(options?: OverlayOptions<E>) {
    if (options) {
      this.#options = resolveOptions(options);
      this.#ownSelection = options.defaultSelectedId ?? null;
    }
    this.#scene.update(this.#options);
    this.#snapshot = this.#computeSnapshot(null);
    this.#published = this.#snapshot;
    this.viewport.subscribe((view) => {
      this.#renderer?.applyView(view);
      this.#text.setView(view, this.#snapshot.stage);
    });
    // A later overlay of the page finds the parts loaded and draws at once. The first asks
    // for them here, in its first render, so they arrive while React renders and commits.
    const loaded = deferredParts();
    if (loaded) this.#start(loaded);
    else if (typeof window !== 'undefined') this.#loadParts();
  }

  /** Pushes the latest options (after every render). Cheap when nothing changed. */
  setOptions(options: OverlayOptions<E>): void {
    const maxHeight = this.#options.maxHeight;
    this.#options = resolveOptions(options);
    // The surface's style carries it; read what the browser made of it.
    if (options.maxHeight !== maxHeight) this.#page.readMaxHeight();
    if (!this.#image.holds(options.image, options.crossOrigin)) {
      this.#image.set(options.image, options.crossOrigin, this.#connected);
    }
    const highlights = this.#scene.highlights;
    const sceneChanged = this.#scene.update(this.#options);
    if (!sceneChanged && this.#scene.highlights !== highlights) this.#renderer?.drawMarks();
    this.#update(sceneChanged);
  }

  /** Starts what needs a live page (image loading, pixel-ratio watching); returns the stop. */
  connect(): () => void {
    if (this.#connected) return () => {};
    this.#connected = true;
    const stopWatching = this.#page.connect();
    this.#image.resume();
    this.#loadParts();
    return () => {
      stopWatching();
      this.#image.release();
      this.#connected = false;
    };
  }

  /** Drawing and input arrive apart (see `deferred.ts`), loaded while the image loads. */
  #loadParts(): void {
    if (this.#renderer || this.#waiting) return;
    this.#waiting = true;
    loadDeferredParts().then(
      (parts) => {
        this.#failure = null;
        this.#start(parts);
        this.#update(false);
      },
      (error: OcrError) => {
        // The next connect (a remount) asks again.
        this.#waiting = false;
        this.#failure = error;
        console.error(error);
        this.#update(false);
      },
    );
  }

  /** The loaded parts take over: the renderer draws on the stage, input hears the surface. */
  #start({ StageRenderer, OverlayInput }: DeferredParts): void {
    if (this.#renderer) return;
    this.#renderer = new StageRenderer(this.#frame);
    this.#renderer.attach(this.#stage);
    this.input.start(OverlayInput, this);
  }

  /** What the layers draw, read at draw time. */
  readonly #frame = (): StageFrame => ({
    image: this.#image.state,
    scene: this.#scene.scene,
    marks: { hover: this.#hover, selected: this.#snapshot.selectedIndex },
    highlights: this.#scene.highlights,
    view: this.viewport.view,
    stage: this.#snapshot.stage,
  });

  /** The root element whose content width sizes the stage (`null` detaches). */
  readonly attachRoot = (element: Element | null): void => {
    this.#root = element;
    element?.setAttribute('data-text-layer', this.#text.state);
    this.#page.observe(element);
  };

  /** The element the text layer fills (over the stage, inside the surface). */
  readonly attachTextLayer = (element: HTMLElement | null): void => {
    this.#text.attach(element);
    this.#syncText();
  };

  /** The element the stage sits in; input listens on it. */
  readonly attachSurface = (element: (InputSurface & Element) | null): void => {
    this.input.attach(element);
    this.#page.setSurface(element);
  };

  /** The Konva stage the view created; drawn at once. */
  attachStage(stage: Konva.Stage | null): void {
    this.#stage = stage;
    this.#renderer?.attach(stage);
    this.#painted = null;
    this.#update(false);
  }

  /** Scene functions for the view's four Konva shapes: stable, drawing once the renderer is in. */
  readonly scenes: StageRenderer['scenes'] = {
    image: (context) => this.#renderer?.scenes.image(context),
    boxes: (context) => this.#renderer?.scenes.boxes(context),
    marks: (context) => this.#renderer?.scenes.marks(context),
    highlight: (context) => this.#renderer?.scenes.highlight(context),
  };

  readonly subscribe = this.#changes.subscribe;

  readonly getSnapshot = (): OverlaySnapshot => this.#snapshot;

  /** Hover changes, apart from the snapshot: hovering must not re-render a view that ignores it. */
  readonly subscribeHover = this.#hoverChanges.subscribe;

  get options(): ResolvedOverlayOptions<E> {
    return this.#options;
  }

  /** Fit the whole image in view (undoes zoom and pan). */
  fit(): void {
    this.viewport.fit();
  }

  /** Zoom and pan so the word is centred and large; `false` when no drawable word has that id. */
  zoomToWord(id: string): boolean {
    const index = this.#snapshot.model.byId.get(id);
    if (index === undefined || !this.#renderer?.stage) return false;
    this.viewport.focus(wordRect(this.#snapshot.model, index));
    return true;
  }

  /** The whole image at natural resolution with its boxes and labels (see `OverlayExportOptions`). */
  toDataURL(options: OverlayExportOptions = {}): string {
    const parts = deferredParts();
    if (!parts)
      throw new OcrError('invalid-input', 'toDataURL needs the overlay to be ready first.');
    return parts.exportDataURL(this.#image.state, this.#scene.scene, options);
  }

  /** The Konva stage, or `null` before the image is ready. */
  getStage(): Konva.Stage | null {
    return this.#renderer?.stage ?? null;
  }

  /**
   * Selects a word by id (`null` clears), as a user would: `onSelectedIdChange` is called.
   * Returns `false`, changing nothing, when no drawable word has that id.
   */
  select(id: string | null): boolean {
    const index = id === null ? -1 : this.#snapshot.model.byId.get(id);
    if (index === undefined) return false;
    this.selectIndex(index);
    return true;
  }

  selectIndex(index: number): void {
    const word: OcrWord | null = this.#snapshot.model.words[index] ?? null;
    const id = word ? word.id : null;
    if (Object.is(this.#snapshot.selectedId, id)) return;
    if (this.#options.selectedId === undefined) {
      this.#ownSelection = id;
      this.#update(false);
    }
    this.#options.onSelectedIdChange?.(id, word);
  }

  /** The hovered word's index, or -1. */
  get hoveredIndex(): number {
    return this.#hover;
  }

  hover(index: number): boolean {
    if (this.#hover === index) return false;
    this.#hover = index;
    this.#renderer?.drawHighlight();
    this.#options.onHoverChange?.(this.#snapshot.model.words[index] ?? null);
    this.#hoverChanges.emit();
    return true;
  }

  activate(index: number, event: E): void {
    const word = this.#snapshot.model.words[index];
    if (word) this.#options.onWordClick?.(word, event);
  }

  wordAt(point: Point): number {
    return hitTestScreen(
      this.#snapshot.model,
      point,
      this.viewport.view,
      this.#options.strokeWidth,
    );
  }

  readonly ready = (): boolean => this.#snapshot.hasStage;
  readonly zoomEnabled = (): boolean => this.#options.zoom;
  readonly wordCount = (): number => this.#snapshot.model.words.length;
  readonly selectedIndex = (): number => this.#snapshot.selectedIndex;
  readonly isText = (target: EventTarget | null): boolean => this.#text.isText(target);
  readonly lineNeighbour = (index: number, direction: 1 | -1): number =>
    nearestOnLine(this.#snapshot.model, index, direction);

  /** Everything after a change: sizes, the view, drawing, selection in view, the snapshot. */
  #update(sceneChanged: boolean): void {
    const before = this.#snapshot;
    const next = this.#computeSnapshot(before);
    this.#snapshot = next;
    const natural = next.image.status === 'ready' ? next.image : null;
    const imageChanged = next.image !== before.image;
    if (next.model !== before.model && this.#hover !== -1) {
      // A hover index points into the old model.
      this.#hover = -1;
      this.#hoverChanges.emit();
    }
    this.viewport.resize(natural, next.stage, imageChanged && natural !== null);
    if (sceneChanged || imageChanged) this.#renderer?.invalidate();
    const redraw =
      sceneChanged ||
      imageChanged ||
      next.stage.width !== before.stage.width ||
      next.stage.height !== before.stage.height ||
      this.#painted === null;
    if (redraw) this.#render();
    this.#keepSelectionInView(redraw);
    this.#publish();
    this.#syncText();
  }

  /** The text layer shows the words of what is drawn, once it is drawn. */
  #syncText(): void {
    const { status, model, stage } = this.#snapshot;
    this.#text.setView(this.viewport.view, stage);
    this.#text.setModel(status === 'ready' ? model : null, this.#options.textLayer);
  }

  /** A newly selected word (click, keyboard or a controlling parent) is brought into view. */
  #keepSelectionInView(drawn: boolean): void {
    const { selectedIndex: index, model, image } = this.#snapshot;
    const shown = this.#shownSelection;
    if (shown && shown.index === index && shown.model === model) return;
    this.#shownSelection = { index, model };
    const view = this.viewport.view;
    if (index >= 0 && image.status === 'ready')
      this.viewport.show(wordRect(this.#snapshot.model, index));
    if (this.viewport.view === view && !drawn) this.#renderer?.drawHighlight();
  }

  #render(): void {
    const { image, hasStage } = this.#snapshot;
    if (!hasStage || !this.#renderer?.render(this.#page.pixelRatio)) return;
    this.#painted = image;
  }

  #computeSnapshot(previous: OverlaySnapshot | null): OverlaySnapshot {
    const options = this.#options;
    return nextSnapshot(previous, {
      image: this.#image.state,
      container: this.#page.container,
      maxHeight: this.#page.maxHeight,
      width: options.width,
      height: options.height,
      model: this.#scene.scene.model,
      selectedId: options.selectedId !== undefined ? options.selectedId : this.#ownSelection,
      zoom: options.zoom,
      paintedImage: this.#renderer?.stage ? this.#painted : null,
      failure: this.#failure,
    });
  }

  /** Recomputes the snapshot (drawing may have changed its status) and tells the view. */
  #publish(): void {
    this.#snapshot = this.#computeSnapshot(this.#snapshot);
    if (this.#snapshot === this.#published) return;
    this.#published = this.#snapshot;
    this.#changes.emit();
  }
}
