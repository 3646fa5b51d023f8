// Browser journeys wait on real page transitions on a shared 2-core machine; one retry absorbs a
// timing hiccup, and a journey that is really broken still fails (twice, with both errors logged).
jest.retryTimes(1, { logErrorsBeforeRetry: true })
