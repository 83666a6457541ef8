print("santun-bench: not yet")
