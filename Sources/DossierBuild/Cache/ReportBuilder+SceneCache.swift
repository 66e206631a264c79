import DossierCharts
import DossierReport

extension ReportBuilder {
    /// The scenes of `figures`: each from its `scene` entry when the cache holds it, the
    /// others compiled (on two threads, ``compileScenes(_:with:results:evaluator:)``) and
    /// stored. A figure's scene is named by its chart key (``CachedCharts/keys``), which names
    /// everything compiling it reads, so a scene read is the one compiling would give (equal
    /// bytes, ``SceneReading``): a prose edit lays the document out with the six scenes read
    /// back instead of compiling them (about 20 ms of CPU on two threads, and the second
    /// thread's typesetter). A scene is stored only by a build that compiled it from those
    /// inputs, so reading it hides no error. Without a cache every figure is compiled.
    func scenes(of figures: [FigureSpec], with compiler: FigureCompiler, results: [String: ResultValue],
                evaluator: ExpressionEvaluator, charts: CachedCharts) throws -> [String: Scene] {
        guard let cacheSession else { return try compileScenes(figures, with: compiler, results: results, evaluator: evaluator) }
        var scenes: [String: Scene] = [:]
        var missing: [FigureSpec] = []
        for figure in figures {
            if let key = charts.keys[figure.id], let scene = cacheSession.scene(chartKey: key) {
                scenes[figure.id] = scene
            } else {
                missing.append(figure)
            }
        }
        guard !missing.isEmpty else {
            trace.mark("figures' scenes read from the cache")
            return scenes
        }
        let compiled = try compileScenes(missing, with: compiler, results: results, evaluator: evaluator)
        for (id, scene) in compiled {
            scenes[id] = scene
            if let key = charts.keys[id] { cacheSession.store(scene: scene, chartKey: key) }
        }
        return scenes
    }
}

extension BuildCacheSession {
    /// The key of a figure's `scene` entry: its chart key (what its scene depends on).
    func sceneKey(chartKey: CacheKey) -> CacheKey {
        var key = cache.key("scene")
        key.add("charts", chartKey.hex)
        return key.key
    }

    /// The figure's scene stored under its chart key, if the cache holds it and it reads back.
    func scene(chartKey: CacheKey) -> Scene? {
        guard let payload = cache.read(sceneKey(chartKey: chartKey)) else { return nil }
        return try? SceneReading.scene(from: payload)
    }

    /// Stores `scene` under its figure's chart key, when its bytes read back (``SceneReading``).
    func store(scene: Scene, chartKey: CacheKey) {
        guard SceneReading.canRead(scene) else { return }
        cache.write(SceneBytes.of(scene), for: sceneKey(chartKey: chartKey))
    }
}
