def days_until_higher(prices):
    wait = [0] * len(prices)
    waiting = []
    for day, price in enumerate(prices):
        while waiting and prices[waiting[-1]] <= price:
            before = waiting.pop()
            wait[before] = day - before
        waiting.append(day)
    return wait
