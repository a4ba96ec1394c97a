"""Report-outs assembled from what was logged; no UI here, so the export can use them too."""
