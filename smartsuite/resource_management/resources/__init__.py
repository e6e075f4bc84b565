"""One module per Resource Management noun; the client exposes each as a namespace."""
